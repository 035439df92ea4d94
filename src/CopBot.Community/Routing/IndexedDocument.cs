namespace CopBot.Community;

/// <summary>
/// One past answered question, tokenised once: the unit of Balog's document model. Term ids and counts are parallel
/// arrays (no per-document dictionary); the question is kept without its body text, which only tokenising needs.
/// </summary>
internal sealed class IndexedDocument
{
    // Term id in the high 20 bits, count in the low 12: one array per document. A document with a larger id or count
    // (not seen on real data) keeps two arrays instead, so counts are always exact.
    private const int CountBits = 12;
    private const int MaxPackedCount = (1 << CountBits) - 1;
    private const int MaxPackedTerm = (1 << (31 - CountBits)) - 1;

    private readonly int[] _packed;
    private readonly int[]? _counts;

    private IndexedDocument(AnsweredQuestion question, int[] packed, int[]? counts, int length, int[] tags, ulong textHash)
    {
        Question = question;
        _packed = packed;
        _counts = counts;
        Length = length;
        Tags = tags;
        TextHash = textHash;
    }

    /// <summary>Title, tags and date of the question (body dropped after tokenising).</summary>
    public AnsweredQuestion Question { get; }

    /// <summary>How many distinct terms the document has.</summary>
    public int TermCount => _packed.Length;

    /// <summary>The i-th distinct term id (ascending).</summary>
    public int Term(int i) => _counts is null ? _packed[i] >> CountBits : _packed[i];

    /// <summary>How often the i-th term occurs.</summary>
    public int Count(int i) => _counts is null ? _packed[i] & MaxPackedCount : _counts[i];

    /// <summary>How often term id <paramref name="term"/> occurs (0 when absent): a binary search over the sorted ids.</summary>
    public int CountOf(int term)
    {
        int low = 0, high = _packed.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var found = Term(middle);
            if (found == term)
            {
                return Count(middle);
            }

            if (found < term)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return 0;
    }

    public int Length { get; }

    /// <summary>Distinct normalised tag ids of the question.</summary>
    public int[] Tags { get; }

    /// <summary>Fingerprint of the body text: a re-import with the same title, tags, date and hash reuses this document.</summary>
    public ulong TextHash { get; }

    public bool Indexes(AnsweredQuestion question, ulong textHash) =>
        textHash == TextHash && question.Title == Question.Title && question.At == Question.At && question.Tags.SequenceEqual(Question.Tags);

    public static IndexedDocument Create(AnsweredQuestion question, ulong textHash, TermTable terms, TermTable tags)
    {
        var (termCounts, length) = TextTokenizer.CountDocumentTerms(question.Title, question.Text, question.Tags);
        var counts = termCounts.ToDictionary(pair => terms.Intern(pair.Key), pair => pair.Value);
        var ids = counts.Keys.Order().ToArray();
        var tagIds = question.Tags.Select(Skill.NormalizeTag).Distinct(StringComparer.Ordinal).Select(tags.Intern).ToArray();
        var packable = ids.All(i => i <= MaxPackedTerm && counts[i] <= MaxPackedCount);
        return packable
            ? new IndexedDocument(Slim(question), [.. ids.Select(i => (i << CountBits) | counts[i])], null, length, tagIds, textHash)
            : new IndexedDocument(Slim(question), ids, [.. ids.Select(i => counts[i])], length, tagIds, textHash);
    }

    public static AnsweredQuestion Slim(AnsweredQuestion question) => question.Text is null ? question : question with { Text = null };

    /// <summary>FNV-1a over the text: stable, cheap, and only compared within one process.</summary>
    public static ulong Hash(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash | 1;
    }
}
