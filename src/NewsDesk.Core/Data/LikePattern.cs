namespace NewsDesk.Core.Data;

/// <summary>Escaping for user text inside a SQL LIKE pattern, the same on every provider.</summary>
public static class LikePattern
{
    public const string EscapeCharacter = "\\";

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    }

    /// <summary>"%text%", escaped.</summary>
    public static string Contains(string text) => "%" + Escape(text.Trim()) + "%";
}
