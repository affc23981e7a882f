using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsDesk.Tagging.Taxonomy;

/// <summary>The shapes of the data files in Data/: gazetteer.json (generated), security.json and topics.json (curated).</summary>
internal sealed class GazetteerFile
{
    public Dictionary<string, string> Sources { get; set; } = [];

    public List<RegionRow> Regions { get; set; } = [];

    public List<CountryRow> Countries { get; set; } = [];

    public List<SubdivisionRow> Subdivisions { get; set; } = [];

    public List<CityRow> Cities { get; set; } = [];
}

internal sealed record RegionRow(string Code, string Name, string Slug, string Kind, string? Parent);

internal sealed record CountryRow(
    string Iso2, string Iso3, string? Numeric, string Name, string Slug, string Parent, bool Independent,
    List<string> Capitals, List<string> Demonyms, List<string> Names, List<string> Native);

internal sealed record SubdivisionRow(string Code, string Name, string Slug, bool Match, bool Common);

/// <summary>[name, country, population, flags]: flag 1 = the name is a common English word, 2 = a capital.</summary>
[JsonConverter(typeof(CityRowConverter))]
internal sealed record CityRow(string Name, string Country, int Population, int Flags)
{
    public bool IsCommonWord => (Flags & 1) != 0;

    public bool IsCapital => (Flags & 2) != 0;
}

internal sealed class CityRowConverter : JsonConverter<CityRow>
{
    public override CityRow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A city is [name, country, population, flags].");
        }

        reader.Read();
        var name = reader.GetString()!;
        reader.Read();
        var country = reader.GetString()!;
        reader.Read();
        var population = reader.GetInt32();
        reader.Read();
        var flags = reader.GetInt32();
        reader.Read();
        return reader.TokenType == JsonTokenType.EndArray ? new CityRow(name, country, population, flags) : throw new JsonException("A city row has four items.");
    }

    public override void Write(Utf8JsonWriter writer, CityRow value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        writer.WriteStringValue(value.Name);
        writer.WriteStringValue(value.Country);
        writer.WriteNumberValue(value.Population);
        writer.WriteNumberValue(value.Flags);
        writer.WriteEndArray();
    }
}

internal sealed class SecurityFile
{
    public List<CountryExtraRow> Countries { get; set; } = [];

    public NameLikeRow NameLike { get; set; } = new();

    public List<AmbiguousRow> Ambiguous { get; set; } = [];

    public List<KeyNameRow> Drop { get; set; } = [];

    public List<KeyNamesRow> Aliases { get; set; } = [];

    public List<AreaRow> Theatres { get; set; } = [];

    public List<AreaRow> Disputed { get; set; } = [];

    public List<EntityRow> Organisations { get; set; } = [];

    public List<EntityRow> People { get; set; } = [];

    public EquipmentFamiliesRow EquipmentFamilies { get; set; } = new();

    public List<EntityRow> Equipment { get; set; } = [];

    public WordsRow Titles { get; set; } = new();

    public WordsRow OrganisationHeads { get; set; } = new();
}

internal sealed record CountryExtraRow(string Iso2, string? Name, string? Slug, List<string> Aliases, List<string> Metonyms, List<string> Demonyms);

internal sealed class NameLikeRow
{
    public List<string> Countries { get; set; } = [];
}

internal sealed record AmbiguousRow(string Name, Dictionary<string, double> Candidates, bool Demonym);

internal sealed record KeyNameRow(string Key, string Name);

internal sealed record KeyNamesRow(string Key, List<string> Names);

internal sealed record AreaRow(string Key, string Name, string? Parent, List<string> Countries, List<string> Names);

internal sealed record EntityRow(string Key, string Name, string? Country, List<string> Names);

internal sealed class EquipmentFamiliesRow
{
    public Dictionary<string, string?> Prefixes { get; set; } = [];
}

internal sealed class WordsRow
{
    public List<string> Words { get; set; } = [];
}

internal sealed class TopicsFile
{
    public double Threshold { get; set; } = 2.0;

    public List<TopicRow> Topics { get; set; } = [];
}

internal sealed record TopicRow(string Slug, string Name, string? Iptc, Dictionary<string, double> Keywords);

internal sealed class IptcFile
{
    public List<IptcRow> Topics { get; set; } = [];
}

internal sealed record IptcRow(string Qcode, string Label, string? Definition, List<string> Broader);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(GazetteerFile))]
[JsonSerializable(typeof(SecurityFile))]
[JsonSerializable(typeof(TopicsFile))]
[JsonSerializable(typeof(IptcFile))]
internal sealed partial class DataFilesContext : JsonSerializerContext;
