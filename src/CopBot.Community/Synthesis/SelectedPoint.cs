namespace CopBot.Community;

/// <summary>A sentence chosen for the reply, collecting the contributions that said the same thing.</summary>
public sealed class SelectedPoint(ThreadSentence sentence)
{
    private readonly List<int> _contributions = [sentence.Contribution];

    public ThreadSentence Sentence { get; } = sentence;

    /// <summary>Indexes of the contributions behind this point, the quoted one first.</summary>
    public IReadOnlyList<int> Contributions => _contributions;

    public void Credit(int contribution)
    {
        if (!_contributions.Contains(contribution))
        {
            _contributions.Add(contribution);
        }
    }
}
