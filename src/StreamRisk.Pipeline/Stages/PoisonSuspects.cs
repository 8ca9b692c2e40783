using StreamRisk.Core.Bus;

namespace StreamRisk.Pipeline.Stages;

/// <summary>
/// Remembers which messages were in a batch whose processing threw, and how often a batch holding them failed, so that
/// the second failure (the redelivery failing too) marks the batch for message-by-message processing. A redelivered
/// batch need not hold exactly the same messages (other partitions may have arrived), so any overlap counts.
/// </summary>
internal sealed class PoisonSuspects
{
    private readonly HashSet<(string Topic, int Partition, long Offset)> _messages = [];
    private int _failures;

    /// <summary>Failures of overlapping batches after which the batch is split message by message.</summary>
    public const int FailuresBeforeIsolation = 2;

    public void Failed(IReadOnlyList<ConsumedMessage> batch)
    {
        if (!Overlaps(batch))
        {
            _messages.Clear();
            _failures = 0;
        }
        foreach (var m in batch)
        {
            _messages.Add((m.Topic, m.Partition, m.Offset));
        }
        _failures++;
    }

    public bool IsRepeatOffender(IReadOnlyList<ConsumedMessage> batch) => _failures >= FailuresBeforeIsolation && Overlaps(batch);

    public void Clear()
    {
        _messages.Clear();
        _failures = 0;
    }

    private bool Overlaps(IReadOnlyList<ConsumedMessage> batch)
    {
        if (_messages.Count == 0)
        {
            return false;
        }
        foreach (var m in batch)
        {
            if (_messages.Contains((m.Topic, m.Partition, m.Offset)))
            {
                return true;
            }
        }
        return false;
    }
}
