namespace StreamRisk.Core.Evaluation;

/// <summary>1-based ranks where tied values all get the mean of the ranks they span (the "fractional" ranking).</summary>
public static class FractionalRanks
{
    public static double[] Of(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (double.IsNaN(v)) throw new ArgumentException("cannot rank NaN", nameof(values));
        }
        var n = values.Length;
        var order = new int[n];
        var keys = values.ToArray();
        for (var i = 0; i < n; i++) order[i] = i;
        Array.Sort(keys, order);
        var ranks = new double[n];
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start]) end++;
            // Positions start..end-1 hold equal values; their 1-based ranks are start+1..end, whose mean is this.
            var shared = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++) ranks[order[k]] = shared;
            start = end;
        }
        return ranks;
    }
}
