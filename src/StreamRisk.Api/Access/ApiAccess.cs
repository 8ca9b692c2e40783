using StreamRisk.Core.Access;
using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Api.Access;

/// <summary>
/// What the API needs beyond the read side: the teams and their keys (every <c>/api/v1</c> call is made by a team), the
/// subscriptions with their feed and delivery log, the signal that wakes live streams, and the metrics to expose.
/// </summary>
/// <param name="Metrics">Prometheus text for <c>/metrics</c>; null: no metrics endpoint.</param>
public sealed record ApiAccess(ITeamStore Teams, ISubscriptionStore Subscriptions, FeedSignal Signal, TimeProvider Time, Func<string>? Metrics = null);
