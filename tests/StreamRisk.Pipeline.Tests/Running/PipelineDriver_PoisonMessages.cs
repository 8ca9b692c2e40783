using System.Text;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Pipeline.Running;
using StreamRisk.Pipeline.Stages;
using StreamRisk.Pipeline.Tests.Stages;

namespace StreamRisk.Pipeline.Tests.Running;

/// <summary>The lock-step driver lets a stage isolate a message its processing throws on, instead of stopping the run.</summary>
public class PipelineDriver_PoisonMessages
{
    /// <summary>Passes inputs on to mentions.v1; throws on the body "poison", or on everything when <see cref="Broken"/>.</summary>
    private sealed class EchoStage(StageContext context) : PipelineStage("echo", [Topics.Docs], context)
    {
        public bool Broken { get; init; }

        protected override ValueTask ProcessAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken)
        {
            foreach (var message in batch)
            {
                var body = Encoding.UTF8.GetString(message.Value);
                if (Broken || body == "poison")
                {
                    throw new FormatException("cannot read " + body);
                }
                output.Emit(Topics.Mentions, message.Key, $"echo-{body}", body, message);
            }
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task A_message_a_stage_throws_on_is_dead_lettered_and_the_drain_completes()
    {
        await using var harness = await StageHarness.CreateAsync();
        await using var stage = new EchoStage(harness.Context);
        foreach (var body in new[] { "a", "poison", "b" }) await harness.PublishAsync(Topics.Docs, "k", body);

        await new PipelineDriver([stage]).DrainAsync(CancellationToken.None);

        Assert.Equal(["a", "b"], (await harness.ReadAsync<string>(Topics.Mentions)).Order(StringComparer.Ordinal));
        Assert.Equal(PipelineStage.ProcessingFailed, Assert.Single(await harness.Store.GetDeadLettersAsync()).ReasonCode);
        Assert.Equal(0, stage.Lag);
    }

    [Fact]
    public async Task A_stage_that_fails_on_every_message_dead_letters_each_and_does_not_loop()
    {
        await using var harness = await StageHarness.CreateAsync();
        await using var stage = new EchoStage(harness.Context) { Broken = true };
        foreach (var body in new[] { "a", "b" }) await harness.PublishAsync(Topics.Docs, "k", body);

        // Each message is dead-lettered in turn: a broken stage does not loop for ever, and nothing is lost silently.
        await new PipelineDriver([stage]).DrainAsync(CancellationToken.None);

        Assert.Equal(2, (await harness.Store.GetDeadLettersAsync()).Count);
        Assert.Empty(await harness.ReadAsync<string>(Topics.Mentions));
    }
}
