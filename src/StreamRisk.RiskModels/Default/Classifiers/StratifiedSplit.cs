namespace StreamRisk.RiskModels.Default.Classifiers;

/// <summary>
/// A seeded split that keeps each class's share: per class, a shuffled ⌊fraction·m⌉ of its m rows go to the held-out
/// part (at least one when m ≥ 2, so a small class is on both sides). Rows keep their input order within each part.
/// For cross-sectional data (the real credit sets) and validation parts only: the simulator's test splits are by issuer
/// and by time, never random rows.
/// </summary>
public static class StratifiedSplit
{
    public static (int[] Kept, int[] HeldOut) Split(IReadOnlyList<int> labels, double heldOutFraction, int seed)
    {
        if (!(heldOutFraction > 0 && heldOutFraction < 1)) throw new ArgumentOutOfRangeException(nameof(heldOutFraction), heldOutFraction, "must lie in (0, 1)");
        var random = new Random(seed);
        var heldOut = new bool[labels.Count];
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var rows = group.ToArray();
            random.Shuffle(rows);
            var take = (int)Math.Round(heldOutFraction * rows.Length, MidpointRounding.AwayFromZero);
            if (rows.Length >= 2) take = Math.Clamp(take, 1, rows.Length - 1);
            for (var i = 0; i < take; i++) heldOut[rows[i]] = true;
        }
        return (Enumerable.Range(0, labels.Count).Where(i => !heldOut[i]).ToArray(), Enumerable.Range(0, labels.Count).Where(i => heldOut[i]).ToArray());
    }
}
