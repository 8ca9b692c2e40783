using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Storage;

namespace StreamRisk.Pipeline.Stages;

/// <summary>One event a stage emits, already serialised, with the input message that caused it (for headers) and any
/// headers of its own (dead letters carry their source coordinates and reason).</summary>
public sealed record OutgoingEvent(
    string Topic, string Key, string EventId, byte[] Value, ConsumedMessage? Cause, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>What processing one batch produced: events to publish and rows to make durable, both in order.</summary>
public sealed class StageOutput
{
    public List<OutgoingEvent> Events { get; } = [];
    public StoreBatchBuilder Store { get; } = new();

    public void Emit<T>(string topic, string key, string eventId, T value, ConsumedMessage? cause) =>
        Events.Add(new OutgoingEvent(topic, key, eventId, EventJson.Serialize(value), cause));
}

/// <summary>Collects rows for one <see cref="StoreBatch"/>.</summary>
public sealed class StoreBatchBuilder
{
    public List<RawInput> RawInputs { get; } = [];
    public List<NewsDocument> Documents { get; } = [];
    public List<FirmSentiment> FirmSentiments { get; } = [];
    public List<IndustrySentiment> IndustrySentiments { get; } = [];
    public List<DailySentiment> DailySentiments { get; } = [];
    public List<Fundamentals> Fundamentals { get; } = [];
    public List<SpreadObservation> Spreads { get; } = [];
    public List<RiskScore> RiskScores { get; } = [];
    public List<RiskAlert> Alerts { get; } = [];
    public List<DeadLetter> DeadLetters { get; } = [];
    public List<InboxEntry> Inbox { get; } = [];

    public StoreBatch Build() => new()
    {
        RawInputs = RawInputs, Documents = Documents, FirmSentiments = FirmSentiments,
        IndustrySentiments = IndustrySentiments, DailySentiments = DailySentiments, Fundamentals = Fundamentals,
        Spreads = Spreads, RiskScores = RiskScores, Alerts = Alerts, DeadLetters = DeadLetters, Inbox = Inbox,
    };
}
