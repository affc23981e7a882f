namespace NewsDesk.Tagging.Matching;

/// <summary>
/// A trie over word ids: the dictionary of every pattern, walked from each word of the text that starts one.
/// Patterns are a few words long, so one pass over the text costs O(words × longest pattern) lookups, however
/// many thousands of names there are (no regex per name).
/// </summary>
internal sealed class PhraseTrie<TPayload>
{
    private readonly Dictionary<long, int> _edges = [];
    private readonly List<List<TPayload>?> _payloads = [null];

    public int NodeCount => _payloads.Count;

    public void Add(ReadOnlySpan<int> words, TPayload payload)
    {
        var node = 0;
        foreach (var word in words)
        {
            var key = Key(node, word);
            if (!_edges.TryGetValue(key, out var child))
            {
                child = _payloads.Count;
                _payloads.Add(null);
                _edges.Add(key, child);
            }

            node = child;
        }

        (_payloads[node] ??= []).Add(payload);
    }

    /// <summary>The node reached from <paramref name="node"/> by <paramref name="word"/>, or -1.</summary>
    public int Step(int node, int word) => word < 0 ? -1 : _edges.TryGetValue(Key(node, word), out var child) ? child : -1;

    /// <summary>Patterns ending at <paramref name="node"/>, or null.</summary>
    public List<TPayload>? PayloadsAt(int node) => _payloads[node];

    public IEnumerable<TPayload> AllPayloads() => _payloads.Where(p => p is not null).SelectMany(p => p!);

    private static long Key(int node, int word) => ((long)node << 32) | (uint)word;
}
