namespace StreamRisk.Core.Text;

/// <summary>
/// Aho–Corasick automaton: finds every occurrence of every pattern in one pass over the text, in time linear in
/// the text plus the number of matches. Immutable after construction and safe to share between threads.
/// </summary>
public sealed class AhoCorasick
{
    private const int Root = 0;

    // Most characters of a text lead nowhere from the root; a dense root row keeps that common step one array read.
    private readonly int[] _rootNext = new int[65536];
    private readonly int[] _edgeStart;
    private readonly char[] _edgeChar;
    private readonly int[] _edgeTarget;
    private readonly int[] _fail;
    private readonly int[] _nextOutputState;
    private readonly int[] _outputStart;
    private readonly int[] _outputPattern;
    private readonly int[] _patternLength;

    public AhoCorasick(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _patternLength = new int[patterns.Count];

        var children = new List<Dictionary<char, int>> { new() };
        var outputs = new List<List<int>?> { null };
        for (var p = 0; p < patterns.Count; p++)
        {
            var pattern = patterns[p];
            if (string.IsNullOrEmpty(pattern)) throw new ArgumentException($"Pattern {p} is empty.", nameof(patterns));
            _patternLength[p] = pattern.Length;
            var state = Root;
            foreach (var c in pattern)
            {
                if (!children[state].TryGetValue(c, out var next))
                {
                    next = children.Count;
                    children[state][c] = next;
                    children.Add(new Dictionary<char, int>());
                    outputs.Add(null);
                }
                state = next;
            }
            (outputs[state] ??= []).Add(p);
        }

        var stateCount = children.Count;
        _edgeStart = new int[stateCount + 1];
        var edgeCount = 0;
        for (var s = 0; s < stateCount; s++)
        {
            _edgeStart[s] = edgeCount;
            if (s != Root) edgeCount += children[s].Count;
        }
        _edgeStart[stateCount] = edgeCount;
        _edgeChar = new char[edgeCount];
        _edgeTarget = new int[edgeCount];
        for (var s = 1; s < stateCount; s++)
        {
            var k = _edgeStart[s];
            foreach (var (c, target) in children[s].OrderBy(e => e.Key))
            {
                _edgeChar[k] = c;
                _edgeTarget[k] = target;
                k++;
            }
        }
        foreach (var (c, target) in children[Root]) _rootNext[c] = target;

        _outputStart = new int[stateCount + 1];
        var outputCount = 0;
        for (var s = 0; s < stateCount; s++)
        {
            _outputStart[s] = outputCount;
            outputCount += outputs[s]?.Count ?? 0;
        }
        _outputStart[stateCount] = outputCount;
        _outputPattern = new int[outputCount];
        for (var s = 0; s < stateCount; s++)
            outputs[s]?.CopyTo(_outputPattern, _outputStart[s]);

        _fail = new int[stateCount];
        _nextOutputState = new int[stateCount];
        _nextOutputState[Root] = -1;
        var queue = new Queue<int>();
        foreach (var (_, child) in children[Root])
        {
            _fail[child] = Root;
            _nextOutputState[child] = -1;
            queue.Enqueue(child);
        }
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            foreach (var (c, child) in children[s])
            {
                var f = _fail[s];
                _fail[child] = Step(f, c);
                var fc = _fail[child];
                _nextOutputState[child] = HasOutput(fc) ? fc : _nextOutputState[fc];
                queue.Enqueue(child);
            }
        }
    }

    public int PatternCount => _patternLength.Length;

    public int StateCount => _fail.Length;

    public int PatternLength(int pattern) => _patternLength[pattern];

    /// <summary>All matches, ordered by end position (then longest first at one end).</summary>
    public Enumerator Matches(ReadOnlySpan<char> text) => new(this, text);

    public List<AhoCorasickMatch> FindAll(ReadOnlySpan<char> text)
    {
        var found = new List<AhoCorasickMatch>();
        foreach (var m in Matches(text)) found.Add(m);
        return found;
    }

    private bool HasOutput(int state) => _outputStart[state + 1] > _outputStart[state];

    private int Step(int state, char c)
    {
        while (state != Root)
        {
            var lo = _edgeStart[state];
            var hi = _edgeStart[state + 1];
            for (var k = lo; k < hi; k++)
            {
                var e = _edgeChar[k];
                if (e == c) return _edgeTarget[k];
                if (e > c) break;
            }
            state = _fail[state];
        }
        return _rootNext[c];
    }

    /// <summary>Allocation-free walk over the matches of one text.</summary>
    public ref struct Enumerator
    {
        private readonly AhoCorasick _automaton;
        private readonly ReadOnlySpan<char> _text;
        private int _position;
        private int _state;
        private int _outputState;
        private int _next;
        private int _last;

        internal Enumerator(AhoCorasick automaton, ReadOnlySpan<char> text)
        {
            _automaton = automaton;
            _text = text;
            _position = -1;
            _state = Root;
            _outputState = -1;
            Current = default;
        }

        public AhoCorasickMatch Current { get; private set; }

        public readonly Enumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            var a = _automaton;
            while (true)
            {
                if (_next < _last)
                {
                    var pattern = a._outputPattern[_next++];
                    Current = new AhoCorasickMatch(pattern, _position + 1 - a._patternLength[pattern], _position + 1);
                    return true;
                }
                if (_outputState >= 0)
                {
                    _outputState = a._nextOutputState[_outputState];
                    if (_outputState >= 0)
                    {
                        _next = a._outputStart[_outputState];
                        _last = a._outputStart[_outputState + 1];
                    }
                    continue;
                }
                if (++_position >= _text.Length) return false;
                _state = a.Step(_state, _text[_position]);
                _outputState = a.HasOutput(_state) ? _state : a._nextOutputState[_state];
                if (_outputState >= 0)
                {
                    _next = a._outputStart[_outputState];
                    _last = a._outputStart[_outputState + 1];
                }
            }
        }
    }
}
