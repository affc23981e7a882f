using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsDesk.Tagging.Tagging;
using NewsDesk.Tagging.Taxonomy;

namespace NewsDesk.Cli.Tagging;

/// <summary>Writes the <c>tag --json</c> contract: countries, regions, topics, entities, each sorted by score.</summary>
internal static class TagJson
{
    // Names in any script are written as themselves, not as \u escapes; the output is still valid JSON.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One buffer and writer per thread, reused for every file of a batch: a line is UTF-8 from the start, never a string.
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Json)? _line;

    /// <summary>The result as one line of UTF-8 JSON ending in a newline, with <paramref name="file"/> first when given.</summary>
    public static byte[] ToUtf8(TaggingResult result, string? file) => Line(json => Write(json, result, file));

    /// <summary><c>{"file":…,"error":…}</c> as a line of UTF-8.</summary>
    public static byte[] ErrorToUtf8(string file, string error) => Line(json =>
    {
        json.WriteStartObject();
        json.WriteString("file", file);
        json.WriteString("error", error);
        json.WriteEndObject();
    });

    private static byte[] Line(Action<Utf8JsonWriter> write)
    {
        var (buffer, json) = _line ??= NewLine();
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        write(json);
        json.Flush();
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewLine()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        return (buffer, new Utf8JsonWriter(buffer, Options));
    }

    private static void Write(Utf8JsonWriter json, TaggingResult result, string? file)
    {
        json.WriteStartObject();
        if (file is not null)
        {
            json.WriteString("file", file);
        }

        json.WriteStartArray("countries");
        foreach (var c in result.Countries)
        {
            json.WriteStartObject();
            json.WriteString("code", c.Place.IsoCode);
            json.WriteString("name", c.Place.Name);
            json.WriteString("slug", c.Place.Slug);
            json.WriteNumber("score", c.Score);
            WriteEvidence(json, c.Evidence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("regions");
        foreach (var r in result.Regions)
        {
            json.WriteStartObject();
            json.WriteString("slug", r.Place.Slug);
            json.WriteString("name", r.Place.Name);
            json.WriteString("kind", r.Place.Kind.Name());
            if (r.Place.IsoCode is { } iso)
            {
                json.WriteString("code", iso);
            }

            json.WriteNumber("score", r.Score);
            WriteEvidence(json, r.Evidence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("topics");
        foreach (var t in result.Topics)
        {
            json.WriteStartObject();
            json.WriteString("slug", t.Topic.Slug);
            json.WriteString("name", t.Topic.Name);
            json.WriteString("iptc", t.Topic.IptcCode);
            json.WriteNumber("score", t.Score);
            WriteEvidence(json, t.Evidence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("entities");
        foreach (var e in result.Entities)
        {
            json.WriteStartObject();
            json.WriteString("name", e.Name);
            json.WriteString("kind", e.Kind switch { EntityKind.Person => "person", EntityKind.Organisation => "organisation", EntityKind.Equipment => "equipment", _ => "other" });
            json.WriteNumber("score", e.Score);
            WriteEvidence(json, e.Evidence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter json, IReadOnlyList<Evidence> evidence)
    {
        json.WriteStartArray("evidence");
        foreach (var e in evidence)
        {
            json.WriteStartObject();
            json.WriteString("text", e.Text);
            json.WriteNumber("start", e.Start);
            json.WriteNumber("end", e.End);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
