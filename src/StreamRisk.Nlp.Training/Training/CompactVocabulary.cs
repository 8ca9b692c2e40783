namespace StreamRisk.Nlp.Training.Training;

/// <summary>Maps BERT vocabulary ids to the rows of a small embedding table: tokens seen at least a minimum number of
/// times in the training rows get a row of their own, every other id shares row 0 ([UNK]). Keeps the shipped model
/// small (a 30,522-row table would be mostly untrained rows).</summary>
public sealed class CompactVocabulary
{
    public CompactVocabulary(long[] rows, int count)
    {
        Rows = rows;
        Count = count;
    }

    /// <summary>Row of every BERT id.</summary>
    public long[] Rows { get; }

    /// <summary>Rows in the table, [UNK] included.</summary>
    public int Count { get; }

    public static CompactVocabulary Build(IEnumerable<EncodedRow> rows, int vocabularySize, int minCount, IEnumerable<int> alwaysKept)
    {
        var counts = new int[vocabularySize];
        foreach (var row in rows)
            foreach (var id in row.Ids) counts[id]++;
        foreach (var id in alwaysKept) counts[id] = int.MaxValue;
        var map = new long[vocabularySize];
        var next = 1;
        for (var id = 0; id < vocabularySize; id++) map[id] = counts[id] >= minCount ? next++ : 0;
        return new CompactVocabulary(map, next);
    }
}
