namespace CopBot.Community;

/// <summary>One past answered question, tokenised once: the unit of Balog's document model.</summary>
internal sealed class IndexedDocument
{
    private IndexedDocument(AnsweredQuestion question, Dictionary<string, int> termCounts, int length)
    {
        Question = question;
        TermCounts = termCounts;
        Length = length;
    }

    public AnsweredQuestion Question { get; }

    public IReadOnlyDictionary<string, int> TermCounts { get; }

    public int Length { get; }

    public static IndexedDocument Create(AnsweredQuestion question)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var length = 0;
        // The title states the question; counting it twice lets it outweigh long bodies.
        foreach (var term in TextTokenizer.Tokenize(question.Title).Concat(TextTokenizer.Tokenize(question.Title))
            .Concat(TextTokenizer.Tokenize(question.Text))
            .Concat(question.Tags.SelectMany(TextTokenizer.TagTerms)))
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
            length++;
        }

        return new IndexedDocument(question, counts, length);
    }
}
