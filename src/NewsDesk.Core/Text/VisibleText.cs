using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace NewsDesk.Core.Text;

/// <summary>Whether text shows anything: a headline of zero-width spaces or direction marks is as empty as one of spaces.</summary>
public static class VisibleText
{
    /// <summary>True when <paramref name="text"/> has no letter, digit, punctuation or symbol: only white space,
    /// control and format characters (zero-width spaces and joiners, direction marks and overrides, soft hyphens).</summary>
    public static bool IsBlank([NotNullWhen(false)] string? text)
    {
        if (text is null)
        {
            return true;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                    or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
                    or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse:
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }
}
