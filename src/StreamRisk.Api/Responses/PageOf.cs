namespace StreamRisk.Api.Responses;

/// <summary>One page of a list: pass <see cref="NextCursor"/> back as <c>cursor</c> for the next; null on the last page.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, string? NextCursor);
