namespace StreamRisk.Core.Sentiment;

/// <summary>
/// Open-addressing hash table from lower-case words to <see cref="WordInfo"/>, probed with a span: lower-casing,
/// hashing and comparing happen in one pass over the token, with no string and no case-insensitive comparer.
/// Built once, read-only afterwards, so any number of threads may read it.
/// </summary>
internal sealed class WordTable
{
    private readonly string[] _keys;
    private readonly WordInfo[] _values;
    private readonly uint[] _hashes;
    private readonly int _mask;

    public WordTable(IEnumerable<KeyValuePair<string, WordInfo>> entries)
    {
        var list = entries.ToList();
        var capacity = 16;
        while (capacity < list.Count * 3)
        {
            capacity *= 2;
        }

        _keys = new string[capacity];
        _values = new WordInfo[capacity];
        _hashes = new uint[capacity];
        _mask = capacity - 1;
        foreach (var (key, value) in list)
        {
            var lower = new char[key.Length];
            var hash = Lower(key, lower);
            var slot = (int)hash & _mask;
            while (_keys[slot] is { } existing && !existing.AsSpan().SequenceEqual(lower))
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = new string(lower);
            _values[slot] = value;
            _hashes[slot] = hash;
            LongestWord = Math.Max(LongestWord, key.Length);
        }

        Count = _keys.Count(k => k is not null);
    }

    public int Count { get; }

    public int LongestWord { get; }

    public bool TryGet(ReadOnlySpan<char> word, out WordInfo info)
    {
        if (word.Length > LongestWord)
        {
            info = default;
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        var hash = Lower(word, lower);
        var slot = (int)hash & _mask;
        while (_keys[slot] is { } key)
        {
            if (_hashes[slot] == hash && key.AsSpan().SequenceEqual(lower))
            {
                info = _values[slot];
                return true;
            }

            slot = (slot + 1) & _mask;
        }

        info = default;
        return false;
    }

    /// <summary>Writes the lower-case form of <paramref name="word"/> and returns its FNV-1a hash (with a final mix).</summary>
    private static uint Lower(ReadOnlySpan<char> word, Span<char> lower)
    {
        var hash = 2166136261u;
        for (var k = 0; k < word.Length; k++)
        {
            var c = word[k];
            c = c < 128 ? (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c) : char.ToLowerInvariant(c);
            lower[k] = c;
            hash = (hash ^ c) * 16777619u;
        }

        hash ^= hash >> 15;
        hash *= 0x2C1B3C6Du;
        return hash ^ (hash >> 12);
    }
}
