using System.Security.Cryptography;
using System.Text.Json;

namespace NewsDesk.Tagging.Taxonomy;

/// <summary>The data files embedded in this assembly, parsed.</summary>
internal sealed class BuiltInData
{
    private static readonly string[] Files = ["gazetteer.json", "security.json", "topics.json", "iptc-media-topics.json"];

    private BuiltInData(GazetteerFile gazetteer, SecurityFile security, TopicsFile topics, IptcFile iptc, string version)
    {
        Gazetteer = gazetteer;
        Security = security;
        Topics = topics;
        IptcLabels = iptc.Topics.ToDictionary(t => t.Qcode, t => t.Label, StringComparer.Ordinal);
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
        var context = DataFilesContext.Default;
        return new BuiltInData(
            JsonSerializer.Deserialize(bytes[0], context.GazetteerFile)!,
            JsonSerializer.Deserialize(bytes[1], context.SecurityFile)!,
            JsonSerializer.Deserialize(bytes[2], context.TopicsFile)!,
            JsonSerializer.Deserialize(bytes[3], context.IptcFile)!,
            Hash(bytes));
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
