using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Nlp.Runtime;

namespace StreamRisk.Nlp.Tests.Runtime;

public class LengthBatchPlanner_Plan
{
    [Property]
    public bool Batches_hold_every_index_once_shortest_first_within_the_batch_size(PositiveInt[] lengths, PositiveInt batchSize)
    {
        var size = batchSize.Get % 16 + 1;
        var values = (lengths ?? []).Select(l => l.Get % 512).ToArray();

        var batches = LengthBatchPlanner.Plan(values, size);
        var flat = batches.SelectMany(b => b).ToArray();

        return flat.Order().SequenceEqual(Enumerable.Range(0, values.Length))
               && batches.All(b => b.Length is > 0 && b.Length <= size)
               && flat.Zip(flat.Skip(1)).All(p => values[p.First] < values[p.Second] || (values[p.First] == values[p.Second] && p.First < p.Second));
    }
}
