using System.Text.Json;

namespace NewsDesk.Tagging.Taxonomy;

// The shapes of the data files in Data/: gazetteer.json (generated), security.json and topics.json (curated), read
// through JsonDocument. Serializer-generated readers instantiate System.Text.Json's generic converters over these
// types, and ReadyToRun cannot precompile those: the JIT took a third of a short CLI run's start-up compiling them.

internal sealed class GazetteerFile
{
    public List<RegionRow> Regions { get; private init; } = [];

    public List<CountryRow> Countries { get; private init; } = [];

    public List<SubdivisionRow> Subdivisions { get; private init; } = [];

    public List<CityRow> Cities { get; private init; } = [];

    public static GazetteerFile Read(JsonElement root) => new()
    {
        Regions = root.List("regions", r => new RegionRow(r.String("code"), r.String("name"), r.String("slug"), r.String("kind"), r.OptionalString("parent"))),
        Countries = root.List("countries", c => new CountryRow(
            c.String("iso2"), c.String("iso3"), c.OptionalString("numeric"), c.String("name"), c.String("slug"), c.String("parent"), c.Bool("independent"),
            c.Strings("capitals"), c.Strings("demonyms"), c.Strings("names"), c.Strings("native"))),
        Subdivisions = root.List("subdivisions", s => new SubdivisionRow(s.String("code"), s.String("name"), s.String("slug"), s.Bool("match"), s.Bool("common"))),
        Cities = root.List("cities", CityRow.Read),
    };
}

internal sealed record RegionRow(string Code, string Name, string Slug, string Kind, string? Parent);

internal sealed record CountryRow(
    string Iso2, string Iso3, string? Numeric, string Name, string Slug, string Parent, bool Independent,
    List<string> Capitals, List<string> Demonyms, List<string> Names, List<string> Native);

internal sealed record SubdivisionRow(string Code, string Name, string Slug, bool Match, bool Common);

/// <summary>[name, country, population, flags]: flag 1 = the name is a common English word, 2 = a capital.</summary>
internal sealed record CityRow(string Name, string Country, int Population, int Flags)
{
    public bool IsCommonWord => (Flags & 1) != 0;

    public bool IsCapital => (Flags & 2) != 0;

    public static CityRow Read(JsonElement row) =>
        row.ValueKind == JsonValueKind.Array && row.GetArrayLength() == 4
            ? new CityRow(row[0].GetString()!, row[1].GetString()!, row[2].GetInt32(), row[3].GetInt32())
            : throw new JsonException($"A city is [name, country, population, flags], not {row.GetRawText()}.");
}

internal sealed class SecurityFile
{
    public List<CountryExtraRow> Countries { get; private init; } = [];

    public List<string> NameLikeCountries { get; private init; } = [];

    public List<AmbiguousRow> Ambiguous { get; private init; } = [];

    public List<KeyNameRow> Drop { get; private init; } = [];

    public List<KeyNamesRow> Aliases { get; private init; } = [];

    public List<AreaRow> Theatres { get; private init; } = [];

    public List<AreaRow> Disputed { get; private init; } = [];

    public List<EntityRow> Organisations { get; private init; } = [];

    public List<EntityRow> People { get; private init; } = [];

    public Dictionary<string, string?> EquipmentPrefixes { get; private init; } = [];

    public List<EntityRow> Equipment { get; private init; } = [];

    public List<string> Titles { get; private init; } = [];

    public List<string> OrganisationHeads { get; private init; } = [];

    public static SecurityFile Read(JsonElement root) => new()
    {
        Countries = root.List("countries", c => new CountryExtraRow(
            c.String("iso2"), c.OptionalString("name"), c.OptionalString("slug"), c.Strings("aliases"), c.Strings("metonyms"), c.Strings("demonyms"))),
        NameLikeCountries = root.Object("nameLike").Strings("countries"),
        Ambiguous = root.List("ambiguous", a => new AmbiguousRow(a.String("name"), a.Numbers("candidates"), a.Bool("demonym"))),
        Drop = root.List("drop", d => new KeyNameRow(d.String("key"), d.String("name"))),
        Aliases = root.List("aliases", a => new KeyNamesRow(a.String("key"), a.Strings("names"))),
        Theatres = root.List("theatres", AreaRow.Read),
        Disputed = root.List("disputed", AreaRow.Read),
        Organisations = root.List("organisations", EntityRow.Read),
        People = root.List("people", EntityRow.Read),
        EquipmentPrefixes = root.Object("equipmentFamilies").OptionalStrings("prefixes"),
        Equipment = root.List("equipment", EntityRow.Read),
        Titles = root.Object("titles").Strings("words"),
        OrganisationHeads = root.Object("organisationHeads").Strings("words"),
    };
}

internal sealed record CountryExtraRow(string Iso2, string? Name, string? Slug, List<string> Aliases, List<string> Metonyms, List<string> Demonyms);

internal sealed record AmbiguousRow(string Name, Dictionary<string, double> Candidates, bool Demonym);

internal sealed record KeyNameRow(string Key, string Name);

internal sealed record KeyNamesRow(string Key, List<string> Names);

internal sealed record AreaRow(string Key, string Name, string? Parent, List<string> Countries, List<string> Names)
{
    public static AreaRow Read(JsonElement a) => new(a.String("key"), a.String("name"), a.OptionalString("parent"), a.Strings("countries"), a.Strings("names"));
}

internal sealed record EntityRow(string Key, string Name, string? Country, List<string> Names)
{
    public static EntityRow Read(JsonElement e) => new(e.String("key"), e.String("name"), e.OptionalString("country"), e.Strings("names"));
}

internal sealed class TopicsFile
{
    public double Threshold { get; private init; } = 2.0;

    public List<TopicRow> Topics { get; private init; } = [];

    public static TopicsFile Read(JsonElement root) => new()
    {
        Threshold = root.TryGetProperty("threshold", out var t) ? t.GetDouble() : 2.0,
        Topics = root.List("topics", t => new TopicRow(t.String("slug"), t.String("name"), t.OptionalString("iptc"), t.Numbers("keywords"))),
    };
}

internal sealed record TopicRow(string Slug, string Name, string? Iptc, Dictionary<string, double> Keywords);

internal sealed record IptcRow(string Qcode, string Label)
{
    public static List<IptcRow> ReadAll(JsonElement root) => root.List("topics", t => new IptcRow(t.String("qcode"), t.String("label")));
}

/// <summary>Reading the data files' JSON: a missing required field is an error that names it; optional ones default to empty.</summary>
internal static class DataJson
{
    public static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static string String(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Missing(e, name, "a string");

    public static string? OptionalString(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static bool Bool(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : false;

    public static JsonElement Object(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : default;

    public static List<T> List<T>(this JsonElement e, string name, Func<JsonElement, T> read)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var list = new List<T>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            list.Add(read(item));
        }

        return list;
    }

    public static List<string> Strings(this JsonElement e, string name) => e.List(name, s => s.GetString() ?? throw Missing(e, name, "a list of strings"));

    public static Dictionary<string, double> Numbers(this JsonElement e, string name)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var o) && o.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in o.EnumerateObject())
            {
                map[p.Name] = p.Value.GetDouble();
            }
        }

        return map;
    }

    public static Dictionary<string, string?> OptionalStrings(this JsonElement e, string name)
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var o) && o.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in o.EnumerateObject())
            {
                map[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
            }
        }

        return map;
    }

    private static JsonException Missing(JsonElement e, string name, string what)
    {
        var text = e.GetRawText();
        return new JsonException($"\"{name}\" must be {what} in {(text.Length > 120 ? text[..120] + "…" : text)}.");
    }
}
