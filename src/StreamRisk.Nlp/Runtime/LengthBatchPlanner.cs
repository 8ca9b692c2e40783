namespace StreamRisk.Nlp.Runtime;

/// <summary>Groups sequences of similar length into batches, so padding to each batch's longest wastes little work.</summary>
public static class LengthBatchPlanner
{
    /// <returns>Batches of indices into <paramref name="lengths"/>, shortest first; ties keep input order.</returns>
    public static List<int[]> Plan(IReadOnlyList<int> lengths, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var order = new int[lengths.Count];
        var keys = new long[lengths.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = ((long)lengths[i] << 32) | (uint)i;
        }
        Array.Sort(keys, order);
        var batches = new List<int[]>((order.Length + batchSize - 1) / batchSize);
        for (var start = 0; start < order.Length; start += batchSize)
            batches.Add(order[start..Math.Min(order.Length, start + batchSize)]);
        return batches;
    }
}
