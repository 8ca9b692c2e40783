using StreamRisk.Core.Events;
using StreamRisk.Core.Storage;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Running;

/// <summary>
/// Runs the stages in one process in lock-step: after each chunk of input, every stage in data-flow order takes what
/// is waiting on its topics until no stage has work left. A stage therefore always sees its inputs in the same order
/// and in the same batches for the same input, which makes a run, and a replay of it, deterministic — unlike free-running
/// workers, whose interleaving of two input topics depends on thread timing.
/// </summary>
public sealed class PipelineDriver(IReadOnlyList<PipelineStage> stages, int batchSize = 512)
{
    /// <summary>Failed pumps in a row a stage gets before the failure stops the run: a batch failing twice is split and
    /// its poison message dead-lettered on the next pump, so more than this means something other than one message is
    /// wrong.</summary>
    private const int MaxProcessingFailures = 3;

    public IReadOnlyList<PipelineStage> Stages => stages;

    /// <summary>Processes everything waiting on any stage's input; returns how many messages were handled.</summary>
    public async Task<long> DrainAsync(CancellationToken cancellationToken)
    {
        long handled = 0;
        bool progressed;
        do
        {
            progressed = false;
            foreach (var stage in stages)
            {
                var max = stage.TakesWholeSteps ? int.MaxValue : batchSize;
                var failures = 0;
                while (true)
                {
                    int n;
                    try
                    {
                        n = await stage.PumpAsync(max, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                    }
                    catch (StageProcessingException) when (++failures <= MaxProcessingFailures)
                    {
                        // The stage rewound the batch; pumped again it retries it once whole, then message by message,
                        // dead-lettering the one its processing throws on (processing_failed), so one poison message
                        // cannot stop a run. A store or bus failure is not retried here: it says nothing about a message.
                        continue;
                    }
                    if (n == 0)
                    {
                        break;
                    }
                    failures = 0;
                    handled += n;
                    progressed = true;
                }
            }
        }
        while (progressed);
        return handled;
    }

    /// <summary>
    /// After <see cref="DrainAsync"/>, in one transaction: deletes the outbox entries every consumer here has now
    /// committed, and advances the input checkpoints of the topics consumed here (see
    /// <see cref="EventDelivery.OutboxUntilCheckpoint"/>). An outbox whose topic has a consumer missing from this driver
    /// (documents after an ingest-only run) waits for a run that has it.
    /// </summary>
    public Task CheckpointAsync(IRiskStore store, IEnumerable<InputCheckpoint> inputs, CancellationToken cancellationToken)
    {
        var here = stages.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        bool ConsumedHere(string topic) => StageNames.ConsumersOf(topic).All(here.Contains);
        var drained = stages.SelectMany(stage => Topics.All.Where(ConsumedHere).Select(topic => new OutboxTopic(stage.Name, topic))).ToArray();
        var checkpoints = inputs.Where(c => ConsumedHere(c.Topic) && StageNames.ConsumersOf(c.Topic).Any()).ToArray();
        return store.UpsertAsync(new StoreBatch { OutboxDrained = drained, InputCheckpoints = checkpoints }, cancellationToken);
    }

    /// <summary>Whether every stage that consumes <paramref name="topic"/> is here.</summary>
    public bool Consumes(string topic) => StageNames.ConsumersOf(topic).All(name => stages.Any(s => s.Name == name));

    /// <summary>The external input topics some stage here consumes.</summary>
    public IReadOnlyList<string> InputTopicsConsumed =>
        [.. new[] { Topics.NewsRaw, Topics.Fundamentals, Topics.Spreads }.Where(t => stages.Any(s => s.InputTopics.Contains(t)))];
}
