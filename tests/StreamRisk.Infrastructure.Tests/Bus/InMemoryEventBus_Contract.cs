using StreamRisk.Core.Bus;
using StreamRisk.Infrastructure.Bus;

namespace StreamRisk.Infrastructure.Tests.Bus;

/// <summary>The embedded bus meets the bus contract; its rebalances are immediate, so a short timeout suffices.</summary>
public sealed class InMemoryEventBus_Contract : EventBusContract
{
    protected override Task<IEventBus> CreateBusAsync() => Task.FromResult<IEventBus>(new InMemoryEventBus());

    protected override TimeSpan RebalanceTimeout => TimeSpan.FromSeconds(2);

    protected override TimeSpan PollWait => TimeSpan.FromMilliseconds(10);
}
