using System.Text;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Infrastructure.Bus;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Running;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Tests.Stages;

/// <summary>An embedded bus and a temporary SQLite store for driving one or more stages in a test.</summary>
internal sealed class StageHarness : IAsyncDisposable
{
    private readonly IEventProducer _producer;
    private long _seq;

    private StageHarness(InMemoryEventBus bus, SqliteRiskStore store)
    {
        Bus = bus;
        Store = store;
        _producer = bus.CreateProducer();
        Context = new StageContext(bus, store, TimeProvider.System, Counters);
    }

    public InMemoryEventBus Bus { get; }
    public SqliteRiskStore Store { get; }
    public PipelineCounters Counters { get; } = new();
    public StageContext Context { get; }

    public static async Task<StageHarness> CreateAsync()
    {
        var store = new SqliteRiskStore(Path.Combine(RepositoryPaths.NewTempDirectory(), "stage.db"));
        await store.MigrateAsync();
        var bus = new InMemoryEventBus();
        foreach (var topic in Topics.All) await bus.EnsureTopicAsync(new TopicSpec(topic, 2));
        return new StageHarness(bus, store);
    }

    public Task PublishAsync(string topic, string key, string json) => PublishAsync(topic, key, Encoding.UTF8.GetBytes(json));

    public async Task PublishAsync(string topic, string key, byte[] value)
    {
        var headers = new Dictionary<string, string> { [EventHeaders.InputSeq] = (++_seq).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await _producer.ProduceAsync(topic, new BusMessage(key, value, headers));
    }

    /// <summary>Everything on a topic so far, in (partition, offset) order.</summary>
    public async Task<IReadOnlyList<T>> ReadAsync<T>(string topic)
    {
        await using var consumer = Bus.CreateConsumer("read-" + Guid.NewGuid().ToString("N"), [topic]);
        var all = new List<ConsumedMessage>();
        IReadOnlyList<ConsumedMessage> batch;
        while ((batch = await consumer.ConsumeAsync(1000, TimeSpan.Zero)).Count > 0) all.AddRange(batch);
        return all.OrderBy(m => m.Partition).ThenBy(m => m.Offset).Select(m => EventJson.Deserialize<T>(m.Value)).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _producer.DisposeAsync();
        await Store.DisposeAsync();
        await Bus.DisposeAsync();
    }
}
