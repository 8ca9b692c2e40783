namespace StreamRisk.Core.Reference;

/// <summary>The ten topic categories of the MulFSA topic set; topics.csv may use no others.</summary>
public static class TopicCategories
{
    public static IReadOnlyList<string> All { get; } =
    [
        "economic policy",
        "economic data",
        "world economy",
        "domestic finance",
        "international relations",
        "natural disasters",
        "technology",
        "social development",
        "environment",
        "law and regulation",
    ];

    /// <summary>The canonical (lower-case) name for <paramref name="name"/>, ignoring case and surrounding space; null if it is none of the ten.</summary>
    public static string? Canonical(string name)
    {
        var trimmed = name.Trim();
        foreach (var category in All)
        {
            if (string.Equals(category, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return category;
            }
        }

        return null;
    }
}
