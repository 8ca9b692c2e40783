using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Running;

/// <summary>
/// One stage as a hosted service: pumps its input topics until the host stops. This is how stages run as separate
/// workers, each scaling out on its own consumer group; per-key order holds, but unlike <see cref="PipelineDriver"/>
/// the interleaving of a stage's input topics follows timing.
/// </summary>
public sealed class StageWorker(PipelineStage stage, ILogger<StageWorker> logger, int batchSize = 512) : BackgroundService
{
    private static readonly TimeSpan PollWait = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public PipelineStage Stage => stage;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("stage {Stage} started on {Topics}", stage.Name, string.Join(", ", stage.InputTopics));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await stage.PumpAsync(batchSize, PollWait, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The stage rejoined its group at the committed offset: the failed batch comes again, nothing is lost.
                logger.LogError(ex, "stage {Stage} failed a batch; retrying in {Delay}", stage.Name, RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken).ConfigureAwait(false);
            }
        }
        logger.LogInformation("stage {Stage} stopped", stage.Name);
    }
}
