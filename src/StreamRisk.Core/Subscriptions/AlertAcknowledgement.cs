namespace StreamRisk.Core.Subscriptions;

/// <summary>
/// A team has seen an alert and taken it in hand: desks share one alert list, so each team marks its own. Other teams
/// never see it; the alert itself is not changed (its revisions keep coming, and a retraction still shows).
/// </summary>
/// <param name="KeyId">The API key that acknowledged it: who, within the team.</param>
/// <param name="Note">What the person wrote, if anything (at most <see cref="MaxNoteLength"/> characters).</param>
public sealed record AlertAcknowledgement(string TeamId, string AlertId, DateTimeOffset AcknowledgedAt, string KeyId, string? Note)
{
    public const int MaxNoteLength = 500;
}
