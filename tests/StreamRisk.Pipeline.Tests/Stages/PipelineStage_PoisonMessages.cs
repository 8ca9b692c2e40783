using System.Text;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Tests.Stages;

public class PipelineStage_PoisonMessages
{
    /// <summary>Passes every input on to mentions.v1, except that its processing throws on the body "poison".</summary>
    private sealed class EchoStage(StageContext context) : PipelineStage("echo", [Topics.Docs], context)
    {
        public int Attempts;

        protected override ValueTask ProcessAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken)
        {
            Attempts++;
            foreach (var message in batch)
            {
                var body = Encoding.UTF8.GetString(message.Value);
                if (body == "poison")
                {
                    throw new FormatException("cannot read poison");
                }
                output.Emit(Topics.Mentions, message.Key, $"echo-{body}", body, message);
            }
            return ValueTask.CompletedTask;
        }
    }

    private static async Task<List<ConsumedMessage>> ReadRawAsync(StageHarness harness, string topic)
    {
        await using var consumer = harness.Bus.CreateConsumer("read-" + Guid.NewGuid().ToString("N"), [topic]);
        var all = new List<ConsumedMessage>();
        IReadOnlyList<ConsumedMessage> batch;
        while ((batch = await consumer.ConsumeAsync(1000, TimeSpan.Zero)).Count > 0) all.AddRange(batch);
        return all;
    }

    /// <summary>Pumps until nothing is waiting, counting the pumps that threw.</summary>
    private static async Task<int> DrainAsync(PipelineStage stage)
    {
        var failures = 0;
        for (var i = 0; i < 20; i++)
        {
            try
            {
                if (await stage.PumpAsync(100, TimeSpan.Zero, CancellationToken.None) == 0 && stage.Lag == 0) break;
            }
            catch (StageProcessingException)
            {
                failures++;
            }
        }
        return failures;
    }

    [Fact]
    public async Task A_message_that_throws_twice_goes_to_the_dlq_with_its_bytes_and_headers_and_the_others_pass()
    {
        await using var harness = await StageHarness.CreateAsync();
        await using var stage = new EchoStage(harness.Context);
        // One key: all on one partition, so the poison sits between good messages.
        foreach (var body in new[] { "a", "b", "poison", "c", "d" }) await harness.PublishAsync(Topics.Docs, "k", body);

        var failures = await DrainAsync(stage);

        Assert.Equal(2, failures);
        Assert.Equal(["a", "b", "c", "d"], (await harness.ReadAsync<string>(Topics.Mentions)).Order(StringComparer.Ordinal));
        var letter = Assert.Single(await harness.Store.GetDeadLettersAsync());
        Assert.Equal(PipelineStage.ProcessingFailed, letter.ReasonCode);
        Assert.Equal(typeof(FormatException).FullName, letter.ErrorType);
        Assert.Contains("cannot read poison", letter.Reason, StringComparison.Ordinal);
        Assert.Equal("poison", Encoding.UTF8.GetString(Convert.FromBase64String(letter.OriginalBase64)));
        var dlq = Assert.Single(await ReadRawAsync(harness, Topics.DeadLetters));
        Assert.Equal(Topics.Docs, dlq.Headers[DeadLetterHeaders.SourceTopic]);
        Assert.Equal(letter.Partition.ToString(System.Globalization.CultureInfo.InvariantCulture), dlq.Headers[DeadLetterHeaders.SourcePartition]);
        Assert.Equal(letter.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture), dlq.Headers[DeadLetterHeaders.SourceOffset]);
        Assert.Equal("echo", dlq.Headers[DeadLetterHeaders.Stage]);
        Assert.Equal(typeof(FormatException).FullName, dlq.Headers[DeadLetterHeaders.ExceptionType]);
        Assert.Equal(letter.Reason, dlq.Headers[DeadLetterHeaders.Reason]);
        Assert.Equal(0, stage.Lag);
    }

    [Fact]
    public async Task A_batch_that_fails_once_is_retried_whole_and_nothing_is_dead_lettered()
    {
        await using var harness = await StageHarness.CreateAsync();
        var flaky = new FlakyStage(harness.Context);
        await using (flaky)
        {
            foreach (var body in new[] { "a", "b", "c" }) await harness.PublishAsync(Topics.Docs, "k", body);

            var failures = await DrainAsync(flaky);

            Assert.Equal(1, failures);
            Assert.Empty(await harness.Store.GetDeadLettersAsync());
            Assert.Equal(["a", "b", "c"], (await harness.ReadAsync<string>(Topics.Mentions)).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Without_failures_a_batch_is_processed_in_one_call()
    {
        await using var harness = await StageHarness.CreateAsync();
        await using var stage = new EchoStage(harness.Context);
        foreach (var body in new[] { "a", "b", "c" }) await harness.PublishAsync(Topics.Docs, "k", body);

        Assert.Equal(0, await DrainAsync(stage));
        Assert.Equal(1, stage.Attempts);
        Assert.Empty(await harness.Store.GetDeadLettersAsync());
    }

    /// <summary>Throws on its first batch only: a transient fault, not a poison message.</summary>
    private sealed class FlakyStage(StageContext context) : PipelineStage("flaky", [Topics.Docs], context)
    {
        private bool _failed;

        protected override ValueTask ProcessAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken)
        {
            if (!_failed)
            {
                _failed = true;
                throw new InvalidOperationException("transient");
            }
            foreach (var message in batch)
            {
                output.Emit(Topics.Mentions, message.Key, "flaky-" + message.Offset, Encoding.UTF8.GetString(message.Value), message);
            }
            return ValueTask.CompletedTask;
        }
    }
}
