using System.Globalization;
using System.Text.RegularExpressions;

namespace CopBot.LoadBench;

/// <summary>One of CopBot's slow-turn warnings (log event 20), split into where the turn's time went (ms).</summary>
internal sealed partial record SlowTurn(double Total, double Claim, double Contact, double Handler, double Connector)
{
    public static SlowTurn? TryParse(string line)
    {
        var match = Pattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        double At(int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return new SlowTurn(At(1), At(2), At(3), At(4), At(5));
    }

    [GeneratedRegex(@"Slow turn .*: (\d+) ms = once-only claim (\d+) ms \+ contact record (\d+) ms \+ handler (\d+) ms \(of which connector calls (\d+) ms\)")]
    private static partial Regex Pattern();
}
