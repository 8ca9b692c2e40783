using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Hosting;

/// <summary>
/// One stage as a hosted service that survives failures: the stage is built with its state rebuilt from the store,
/// and rebuilt again after any failed batch, because a batch that failed half-way may have changed the in-memory
/// state without making its effects durable. Building waits and retries while the store or the bus is down.
/// </summary>
public sealed class RecoveringStageWorker(
    string stageName,
    Func<string, CancellationToken, Task<PipelineStage>> build,
    ILogger<RecoveringStageWorker> logger,
    TimeProvider time,
    int batchSize = 512) : BackgroundService
{
    private static readonly TimeSpan PollWait = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);

    public string StageName => stageName;

    /// <summary>Batches processed since start (for tests and logs).</summary>
    public long Batches { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        PipelineStage? stage = null;
        var delay = FirstRetryDelay;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (stage is null)
                    {
                        stage = await build(stageName, stoppingToken).ConfigureAwait(false);
                        logger.LogInformation("stage {Stage} started on {Topics}", stageName, string.Join(", ", stage.InputTopics));
                    }
                    if (await stage.PumpAsync(batchSize, PollWait, stoppingToken).ConfigureAwait(false) > 0)
                    {
                        Batches++;
                    }
                    delay = FirstRetryDelay;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "stage {Stage} failed; rebuilding it from the store in {Delay}", stageName, delay);
                    if (stage is not null)
                    {
                        var failed = stage;
                        stage = null;
                        await DisposeQuietlyAsync(failed).ConfigureAwait(false);
                        // Rebuilt now so that the record of a failing batch survives into the next instance.
                        await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                        stage = await TryBuildAsync(stoppingToken).ConfigureAwait(false);
                        if (stage is not null)
                        {
                            stage.InheritPoisonSuspects(failed);
                            logger.LogInformation("stage {Stage} rebuilt", stageName);
                        }
                    }
                    else
                    {
                        await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                    }
                    delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, delay.Ticks * 2));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (stage is not null)
            {
                await DisposeQuietlyAsync(stage).ConfigureAwait(false);
            }
            logger.LogInformation("stage {Stage} stopped", stageName);
        }
    }

    private async Task<PipelineStage?> TryBuildAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await build(stageName, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "stage {Stage} could not be rebuilt yet", stageName);
            return null;
        }
    }

    private async Task DisposeQuietlyAsync(PipelineStage stage)
    {
        try
        {
            logger.LogDebug("closing stage {Stage}", stageName);
            // A client that cannot close (a broker that does not answer) must not keep the stage from being rebuilt.
            await stage.DisposeAsync().AsTask().WaitAsync(CloseTimeout).ConfigureAwait(false);
            logger.LogDebug("closed stage {Stage}", stageName);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "stage {Stage} did not close cleanly", stageName);
        }
    }
}
