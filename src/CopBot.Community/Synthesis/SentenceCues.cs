using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace CopBot.Community;

/// <summary>
/// Surface cues that sort sentences into sections: questions left open, disagreement (contrastive markers), and
/// recommendations (imperatives and "I recommend / you should"). English only, like the tokenizer.
/// </summary>
public static partial class SentenceCues
{
    private static readonly FrozenSet<string> ImperativeVerbs = FrozenSet.ToFrozenSet(
    [
        "add", "ask", "avoid", "build", "check", "choose", "consider", "contact", "create", "define", "document", "don't",
        "do", "ensure", "establish", "find", "focus", "follow", "get", "give", "go", "include", "invite", "involve", "keep",
        "look", "make", "measure", "monitor", "never", "note", "plan", "prepare", "read", "reach", "remember", "review",
        "run", "schedule", "see", "set", "share", "start", "stop", "take", "talk", "test", "train", "try", "use", "write",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>A sentence that asks (the contributor's own open question).</summary>
    public static bool IsQuestion(string sentence) => sentence.TrimEnd('"', '\'', ')', '”', ' ').EndsWith('?');

    /// <summary>A sentence that pushes back on another view.</summary>
    public static bool IsContrast(string sentence) => ContrastPattern().IsMatch(sentence);

    /// <summary>A sentence that tells the reader what to do.</summary>
    public static bool IsRecommendation(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (IsQuestion(sentence))
        {
            return false;
        }

        var first = FirstWordPattern().Match(sentence);
        return (first.Success && ImperativeVerbs.Contains(first.Value) && !PronounAfterFirstWord().IsMatch(sentence))
            || RecommendationPattern().IsMatch(sentence);
    }

    [GeneratedRegex(@"\b(however|but i (?:disagree|think|would|don't)|i disagree|disagree with|on the other hand|on the contrary|in contrast|not necessarily|that said|contrary to|i'm not sure that|i am not sure that|not convinced|whereas|instead of)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContrastPattern();

    [GeneratedRegex(@"\b(i (?:would |strongly )?(?:recommend|suggest|advise)|we (?:should|recommend|suggest)|you (?:should|could|might want to|need to|must)|it is (?:best|recommended|worth)|it's (?:best|worth)|the next step|next steps?|make sure|be sure to|my advice)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RecommendationPattern();

    [GeneratedRegex(@"^[\W_]*[A-Za-z']+")]
    private static partial Regex FirstWordPattern();

    // "Try it" is an instruction; "Use is rare" or "Do you…" is not.
    [GeneratedRegex(@"^[\W_]*[A-Za-z']+\s+(?:you|we|they|i|he|she|is|are|was|were)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PronounAfterFirstWord();
}
