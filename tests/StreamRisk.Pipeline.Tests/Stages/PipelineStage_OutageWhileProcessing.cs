using System.Text;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Tests.Stages;

/// <summary>
/// A stage that reads the store while processing (the aggregate stage: inbox, pruned days) sees a database outage as an
/// exception from its processing. That says nothing about the messages: the batch is retried as often as it takes and
/// never dead-lettered as poison, however many times it fails.
/// </summary>
public class PipelineStage_OutageWhileProcessing
{
    /// <summary>Passes inputs on to mentions.v1, failing with an I/O error while <see cref="Down"/> is set.</summary>
    private sealed class ReadingStage(StageContext context) : PipelineStage("reading", [Topics.Docs], context)
    {
        public bool Down = true;

        protected override ValueTask ProcessAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken)
        {
            if (Down)
            {
                throw new IOException("store unreachable");
            }
            foreach (var message in batch)
            {
                var body = Encoding.UTF8.GetString(message.Value);
                output.Emit(Topics.Mentions, message.Key, $"echo-{body}", body, message);
            }
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task A_batch_failing_on_an_outage_is_retried_and_never_dead_lettered()
    {
        await using var harness = await StageHarness.CreateAsync();
        await harness.PublishAsync(Topics.Docs, "k1", "one");
        await harness.PublishAsync(Topics.Docs, "k2", "two");
        await using var stage = new ReadingStage(harness.Context);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var thrown = await Assert.ThrowsAsync<IOException>(() => stage.PumpAsync(100, TimeSpan.Zero, CancellationToken.None));
            Assert.Equal("store unreachable", thrown.Message);
        }
        stage.Down = false;
        while (await stage.PumpAsync(100, TimeSpan.Zero, CancellationToken.None) > 0)
        {
        }

        Assert.Empty(await harness.Store.GetDeadLettersAsync());
        Assert.Equal(["one", "two"], (await harness.ReadAsync<string>(Topics.Mentions)).Order(StringComparer.Ordinal));
    }
}
