namespace NewsDesk.Tagging.Matching;

/// <summary>
/// A trie over word ids: the dictionary of every pattern, walked from each word of the text that starts one.
/// Patterns are a few words long, so one pass over the text costs O(words × longest pattern) lookups, however
/// many thousands of names there are (no regex per name).
/// </summary>
internal sealed class PhraseTrie<TPayload>
{
    private readonly List<List<TPayload>?> _payloads = [null];

    // Edges (node, word) -> child in one open-addressing table: a step is a multiply, a mask and usually one probe,
    // with no comparer call, and the code is this assembly's own (precompiled with it, never JIT-compiled at start).
    private long[] _keys;
    private int[] _children;
    private int _edgeCount;

    public PhraseTrie()
    {
        _keys = new long[1024];
        _keys.AsSpan().Fill(Empty);
        _children = new int[_keys.Length];
    }

    public int NodeCount => _payloads.Count;

    public void Add(ReadOnlySpan<int> words, TPayload payload)
    {
        var node = 0;
        foreach (var word in words)
        {
            var child = Step(node, word);
            if (child < 0)
            {
                child = _payloads.Count;
                _payloads.Add(null);
                AddEdge(Key(node, word), child);
            }

            node = child;
        }

        (_payloads[node] ??= []).Add(payload);
    }

    /// <summary>The node reached from <paramref name="node"/> by <paramref name="word"/>, or -1.</summary>
    public int Step(int node, int word)
    {
        if (word < 0)
        {
            return -1;
        }

        var key = Key(node, word);
        var mask = _keys.Length - 1;
        for (var slot = Slot(key, mask); ; slot = (slot + 1) & mask)
        {
            var k = _keys[slot];
            if (k == key)
            {
                return _children[slot];
            }

            if (k == Empty)
            {
                return -1;
            }
        }
    }

    /// <summary>Patterns ending at <paramref name="node"/>, or null.</summary>
    public List<TPayload>? PayloadsAt(int node) => _payloads[node];

    public IEnumerable<TPayload> AllPayloads() => _payloads.Where(p => p is not null).SelectMany(p => p!);

    // Node and word ids are never negative, so no real key is -1.
    private const long Empty = -1;

    private static long Key(int node, int word) => ((long)node << 32) | (uint)word;

    private static int Slot(long key, int mask) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private void AddEdge(long key, int child)
    {
        if ((_edgeCount + 1) * 2 > _keys.Length)
        {
            Grow();
        }

        Insert(_keys, _children, key, child);
        _edgeCount++;
    }

    private void Grow()
    {
        var keys = new long[_keys.Length * 2];
        var children = new int[keys.Length];
        keys.AsSpan().Fill(Empty);
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != Empty)
            {
                Insert(keys, children, _keys[i], _children[i]);
            }
        }

        _keys = keys;
        _children = children;
    }

    private static void Insert(long[] keys, int[] children, long key, int child)
    {
        var mask = keys.Length - 1;
        var slot = Slot(key, mask);
        while (keys[slot] != Empty)
        {
            slot = (slot + 1) & mask;
        }

        keys[slot] = key;
        children[slot] = child;
    }
}
