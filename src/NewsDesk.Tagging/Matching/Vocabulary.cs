namespace NewsDesk.Tagging.Matching;

/// <summary>Every folded word some pattern uses, numbered; a text word outside it (most words) cannot start or continue a match.</summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Vocabulary()
        : this(new Dictionary<string, int>(StringComparer.Ordinal))
    {
    }

    private Vocabulary(Dictionary<string, int> ids)
    {
        _ids = ids;
        _lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static Vocabulary Empty { get; } = new();

    public int Count => _ids.Count;

    public int Find(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var id) ? id : -1;

    public int Add(string word)
    {
        if (!_ids.TryGetValue(word, out var id))
        {
            id = _ids.Count;
            _ids.Add(word, id);
        }

        return id;
    }
}
