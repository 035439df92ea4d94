namespace CopBot.Cards;

/// <summary>Where CopBot was installed, which decides how the welcome card explains getting started.</summary>
public enum WelcomeScope
{
    /// <summary>A 1:1 chat with one member.</summary>
    Personal,

    /// <summary>A team: members talk to CopBot by mentioning it in a channel.</summary>
    Team,

    /// <summary>A group chat: members mention CopBot too.</summary>
    GroupChat,
}

/// <summary>What the welcome card needs. All text is plain (the builder escapes it).</summary>
/// <param name="Scope">Where CopBot was installed.</param>
/// <param name="Commands">The commands; those with <see cref="CommandHelp.IsModality"/> are listed as the ways to ask.</param>
public sealed record WelcomeView(WelcomeScope Scope, IReadOnlyList<CommandHelp> Commands)
{
    /// <summary>The member's given name, to greet them in a 1:1 chat.</summary>
    public string? UserName { get; init; }

    /// <summary>The team's or chat's name, to thank whoever added CopBot.</summary>
    public string? TeamName { get; init; }
}
