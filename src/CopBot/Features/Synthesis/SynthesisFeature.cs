using CopBot.Cards;
using CopBot.Protocol;
using CopBot.Turns;

namespace CopBot.Features.Synthesis;

/// <summary><c>synthesize</c>, the Synthesize button, and the draft's Publish / Discard and the reply's pages.</summary>
public sealed class SynthesisFeature(SynthesisFlow flow, SynthesisPublisher publisher) : IBotFeature
{
    public IEnumerable<TurnRoute> Routes =>
    [
        new("synthesize", t => t.Activity.Type == ActivityTypes.Message && t.CardActionRequest is null && (t.Command.Is("synthesize") || t.Command.Is("synthesise")), flow.SynthesizeCommandAsync),
    ];

    public IEnumerable<CardActionRoute> CardActions =>
    [
        new(SynthesisVerbs.Start, flow.SynthesizeFromCardAsync),
        new(SynthesisVerbs.Publish, publisher.PublishAsync),
        new(SynthesisVerbs.Discard, publisher.DiscardAsync),
        new(SynthesisVerbs.Page, publisher.PageAsync),
    ];
}
