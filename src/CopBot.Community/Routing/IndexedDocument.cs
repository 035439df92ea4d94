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
        var (counts, length) = TextTokenizer.CountDocumentTerms(question.Title, question.Text, question.Tags);
        return new IndexedDocument(question, counts, length);
    }
}
