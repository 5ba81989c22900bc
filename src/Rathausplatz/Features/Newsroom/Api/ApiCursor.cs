using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Rathausplatz.Features.Newsroom.Api;

/// <summary>
/// Where a page ends: the sort key and id of its last item (keyset paging). A new post never shifts the
/// following pages, unlike an offset. Opaque to clients (base64url); the list's name is part of it, so a
/// cursor of /events is refused by /posts instead of paging by the wrong key.
/// </summary>
public sealed record ApiCursor(string List, DateTime Key, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{List}|{Key.Ticks}|{Id:N}")));

    public static ApiCursor? Decode(string text, string list)
    {
        if (text.Length > 200)
            return null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = Encoding.UTF8.GetString(bytes).Split('|');
        if (parts.Length != 3 || parts[0] != list
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks
            || !Guid.TryParseExact(parts[2], "N", out var id))
            return null;
        return new ApiCursor(list, new DateTime(ticks, DateTimeKind.Utc), id);
    }
}
