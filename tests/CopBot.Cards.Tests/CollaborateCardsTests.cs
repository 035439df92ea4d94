namespace CopBot.Cards.Tests;

/// <summary>The working-group cards, including the largest checklist and the per-member refresh.</summary>
public sealed class CollaborateCardsTests
{
    private static WorkingGroupView Group(int tasks, bool open = true) => new(
        "w-0123456789abcdef", Samples.Hostile, Samples.Hostile, "Ada", "2026-04-30 00:00 UTC",
        [new WorkingGroupRoleLine("coordinator", 1, 1, ["Hanne"]), new WorkingGroupRoleLine("expert", 1, 2, ["Amara"]), new WorkingGroupRoleLine("writer", 0, 1, [])],
        [.. Enumerable.Range(1, tasks).Select(i => new WorkingGroupTaskLine("t" + i, Samples.Hostile + Samples.Long, i % 2 == 0 ? "Amara" : null, i % 3 == 0))])
    {
        IsOpen = open,
        RefreshUserIds = [.. Enumerable.Range(1, 60).Select(i => "29:1member" + i)],
        DeliverableLink = open ? null : new Uri("https://example.org/guidance-note"),
    };

    /// <summary>This file's cards in the catalog (parser check, size check, gallery).</summary>
    internal static IReadOnlyList<CardFixture> Fixtures => CardCatalog.From(
        ("collab-form", "WorkingGroupFormCard.Build", WorkingGroupFormCard.Build(new DateOnly(2026, 3, 3), new DateOnly(2026, 8, 29), Samples.Hostile, "Ask for at least one person in one role.")),
        ("collab-invite", "RoleInviteCard.Build", RoleInviteCard.Build(new RoleInviteView("w-1", "Guidance note", "10 pages", "expert", "Ada", "2026-04-30 00:00 UTC", ["#cash-transfers"]))),
        ("collab-group-empty", "WorkingGroupCard.Build", WorkingGroupCard.Build(Group(0))),
        ("collab-group-largest", "WorkingGroupCard.Build", WorkingGroupCard.Build(Group(40))),
        ("collab-group-replaced", "WorkingGroupCard.Build", WorkingGroupCard.Build(Group(3) with { ReplacementNote = "Grace Achieng Otieno was invited in place of Tomás Ferreira Quispe." })),
        ("collab-group-completed", "WorkingGroupCard.Build", WorkingGroupCard.Build(Group(3, open: false))));

    [Fact]
    public void Builders_RealisticHostileAndLongInput_PassOfficialParserWithinSizeLimit()
    {
        CardAssert.ValidFixtures(Fixtures);
    }

    [Fact]
    public void WorkingGroupCard_Open_RefreshesForItsMembersWithoutSubmitFallback()
    {
        var card = WorkingGroupCard.Build(Group(2));

        Assert.Equal(60, card.Refresh!.UserIds.Count);
        Assert.Equal(CollaborateVerbs.Refresh, card.Refresh.Action.Verb);
        Assert.Null(card.Refresh.Action.Fallback);
    }
}
