using System.Security.Cryptography;
using System.Text.Json;

namespace NewsDesk.Tagging.Taxonomy;

/// <summary>The data files embedded in this assembly, parsed.</summary>
internal sealed class BuiltInData
{
    private static readonly string[] Files = ["gazetteer.json", "security.json", "topics.json", "iptc-media-topics.json"];

    private BuiltInData(GazetteerFile gazetteer, SecurityFile security, TopicsFile topics, List<IptcRow> iptc, string version)
    {
        Gazetteer = gazetteer;
        Security = security;
        Topics = topics;
        IptcLabels = iptc.ToDictionary(t => t.Qcode, t => t.Label, StringComparer.Ordinal);
        Version = version;
    }

    public GazetteerFile Gazetteer { get; }

    public SecurityFile Security { get; }

    public TopicsFile Topics { get; }

    public Dictionary<string, string> IptcLabels { get; }

    public string Version { get; }

    public static BuiltInData Load()
    {
        var bytes = Files.Select(Read).ToArray();
        return new BuiltInData(
            Parse(bytes[0], Files[0], GazetteerFile.Read),
            Parse(bytes[1], Files[1], SecurityFile.Read),
            Parse(bytes[2], Files[2], TopicsFile.Read),
            Parse(bytes[3], Files[3], IptcRow.ReadAll),
            Hash(bytes));
    }

    private static T Parse<T>(byte[] bytes, string file, Func<JsonElement, T> read)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, DataJson.Options);
            return read(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidOperationException($"The tagging data file {file} is malformed: {ex.Message}", ex);
        }
    }

    public static string HashFiles() => Hash([.. Files.Select(Read)]);

    private static string Hash(byte[][] files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var b in files)
        {
            hash.AppendData(b);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    public static byte[] Read(string file)
    {
        using var stream = typeof(BuiltInData).Assembly.GetManifestResourceStream("NewsDesk.Tagging.Data." + file)
            ?? throw new InvalidOperationException($"The tagging data file {file} is not embedded in the assembly.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
