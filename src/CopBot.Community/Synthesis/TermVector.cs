namespace CopBot.Community;

/// <summary>A sparse, L2-normalised TF-IDF vector: term ids ascending, so a dot product is one merge.</summary>
public sealed class TermVector
{
    public static readonly TermVector Empty = new([], []);

    private TermVector(int[] terms, double[] weights)
    {
        Terms = terms;
        Weights = weights;
    }

    public IReadOnlyList<int> Terms { get; }

    public IReadOnlyList<double> Weights { get; }

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>Normalises the weights; zero weights are dropped.</summary>
    public static TermVector From(IReadOnlyDictionary<int, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var pairs = weights.Where(p => p.Value > 0).OrderBy(p => p.Key).ToArray();
        var norm = Math.Sqrt(pairs.Sum(p => p.Value * p.Value));
        return norm == 0 ? Empty : new TermVector([.. pairs.Select(p => p.Key)], [.. pairs.Select(p => p.Value / norm)]);
    }

    /// <summary>Cosine similarity in 0..1 (both vectors are normalised and non-negative).</summary>
    public double Cosine(TermVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        double sum = 0;
        int i = 0, j = 0;
        while (i < Terms.Count && j < other.Terms.Count)
        {
            var a = Terms[i];
            var b = other.Terms[j];
            if (a == b)
            {
                sum += Weights[i++] * other.Weights[j++];
            }
            else if (a < b)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }
}
