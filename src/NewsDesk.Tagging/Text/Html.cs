namespace NewsDesk.Tagging.Text;

/// <summary>
/// Zones for an HTML page without parsing it into a tree: text between tags is read, tags, scripts and styles are
/// not; &lt;title&gt; and the first &lt;h1&gt; are the headline, the first paragraph after them the lead.
/// Offsets stay those of the page as given.
/// </summary>
internal static class Html
{
    public static TaggingInput Zones(string html)
    {
        var zones = new List<Zone>();
        var i = 0;
        var headline = false;
        var skip = false;
        var leadDone = false;
        var sawHeadline = false;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > i && !skip && HasLetters(html, i, textEnd))
            {
                ZoneKind kind;
                if (headline && !sawHeadline)
                {
                    kind = ZoneKind.Headline;
                }
                else if (!leadDone && textEnd - i >= 40)
                {
                    kind = ZoneKind.Lead;
                    leadDone = true;
                }
                else
                {
                    kind = ZoneKind.Body;
                }

                zones.Add(new Zone(i, textEnd, kind));
            }

            if (lt < 0)
            {
                break;
            }

            var gt = html.IndexOf('>', lt);
            if (gt < 0)
            {
                break;
            }

            var tag = html.AsSpan(lt + 1, gt - lt - 1).TrimStart('/');
            var nameLength = 0;
            while (nameLength < tag.Length && char.IsAsciiLetterOrDigit(tag[nameLength]))
            {
                nameLength++;
            }

            var name = tag[..nameLength];
            var closing = html[lt + 1] == '/';
            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                skip = !closing;
            }
            else if (name.Equals("title", StringComparison.OrdinalIgnoreCase) || name.Equals("h1", StringComparison.OrdinalIgnoreCase))
            {
                if (closing && headline)
                {
                    sawHeadline = true;
                }

                headline = !closing;
            }

            i = gt + 1;
        }

        return new TaggingInput(html, zones);
    }

    private static bool HasLetters(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (char.IsLetter(text[k]))
            {
                return true;
            }
        }

        return false;
    }
}
