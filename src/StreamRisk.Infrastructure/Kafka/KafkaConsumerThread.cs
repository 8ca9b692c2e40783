using System.Collections.Concurrent;

namespace StreamRisk.Infrastructure.Kafka;

/// <summary>
/// One dedicated thread that runs every blocking call into a librdkafka consumer in turn. Consume blocks for up to the
/// caller's wait, and rebalance callbacks run inside it; keeping that off the thread pool means a slow poll never
/// starves the pool on a 2-core machine, and the consumer is never polled from two threads at once.
/// </summary>
internal sealed class KafkaConsumerThread : IDisposable
{
    private readonly BlockingCollection<Action> work = new();
    private readonly Thread thread;

    public KafkaConsumerThread(string name)
    {
        thread = new Thread(Run) { IsBackground = true, Name = name };
        thread.Start();
    }

    public Task<T> RunAsync<T>(Func<T> call)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            work.Add(() =>
            {
                try
                {
                    completion.SetResult(call());
                }
                catch (Exception e)
                {
                    completion.SetException(e);
                }
            });
        }
        catch (InvalidOperationException)
        {
            completion.SetException(new ObjectDisposedException(thread.Name));
        }
        return completion.Task;
    }

    private void Run()
    {
        foreach (var item in work.GetConsumingEnumerable())
        {
            item();
        }
    }

    /// <summary>Lets queued calls finish, then ends the thread.</summary>
    public void Dispose()
    {
        work.CompleteAdding();
        if (Thread.CurrentThread != thread)
        {
            thread.Join();
        }
        work.Dispose();
    }
}
