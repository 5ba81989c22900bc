using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Organizations;

public enum StructureAddition { Added, NameTaken, NameWithoutLetters, InvalidBoundary }

/// <summary>
/// An organisation admin adds a topic or a district. The slug is made from the name, so nobody has
/// to invent one; names and slugs are unique within the organisation (the query filter scopes both checks).
/// </summary>
public sealed class AddToStructure(AppDb db)
{
    public async Task<StructureAddition> AddTopicAsync(string name, CancellationToken ct)
    {
        name = name.Trim();
        if (Slug(name) is not { } slug)
            return StructureAddition.NameWithoutLetters;
        if (await db.Set<Topic>().AnyAsync(t => t.Slug == slug || t.Name == name, ct))
            return StructureAddition.NameTaken;
        return await SaveAsync(new Topic { Name = name, Slug = slug }, ct);
    }

    public async Task<StructureAddition> AddDistrictAsync(string name, string boundaryGeoJson, CancellationToken ct)
    {
        name = name.Trim();
        if (Slug(name) is not { } slug)
            return StructureAddition.NameWithoutLetters;
        if (Boundary(boundaryGeoJson) is not { } boundary)
            return StructureAddition.InvalidBoundary;
        if (await db.Set<District>().AnyAsync(d => d.Slug == slug || d.Name == name, ct))
            return StructureAddition.NameTaken;
        return await SaveAsync(new District { Name = name, Slug = slug, BoundaryGeoJson = boundary }, ct);
    }

    private async Task<StructureAddition> SaveAsync(object entity, CancellationToken ct)
    {
        var entry = db.Add(entity);
        try
        {
            await db.SaveChangesAsync(ct);
            return StructureAddition.Added;
        }
        catch (DbUpdateException)
        {
            // A second admin added the same name between our check and our insert; the unique index decided.
            entry.State = EntityState.Detached;
            return StructureAddition.NameTaken;
        }
    }

    /// <summary>"Süd-Weststadt" → "sued-weststadt": German transliteration, other accents dropped, at most 63 characters.</summary>
    internal static string? Slug(string name)
    {
        var text = name.ToLowerInvariant().Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss");
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                slug.Append(c);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        var result = slug.ToString().Trim('-');
        if (result.Length > 63)
            result = result[..63].TrimEnd('-');
        return result.Length == 0 ? null : result;
    }

    /// <summary>
    /// The GeoJSON geometry of a district: a Polygon or MultiPolygon in WGS 84, given bare or inside a
    /// Feature (as drawing tools export it). Null when it is anything else; rings must be closed.
    /// </summary>
    internal static string? Boundary(string geoJson)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(geoJson);
        }
        catch (JsonException)
        {
            return null;
        }
        if (node?["type"]?.GetValueKind() == JsonValueKind.String && (string?)node["type"] == "Feature")
            node = node["geometry"];
        if (node is not JsonObject geometry || geometry["type"]?.GetValueKind() != JsonValueKind.String)
            return null;
        var valid = (string?)geometry["type"] switch
        {
            "Polygon" => IsPolygon(geometry["coordinates"]),
            "MultiPolygon" => geometry["coordinates"] is JsonArray { Count: > 0 } polygons && polygons.All(IsPolygon),
            _ => false,
        };
        return valid ? new JsonObject { ["type"] = geometry["type"]!.DeepClone(), ["coordinates"] = geometry["coordinates"]!.DeepClone() }.ToJsonString() : null;
    }

    private static bool IsPolygon(JsonNode? rings) =>
        rings is JsonArray { Count: > 0 } list && list.All(ring =>
            ring is JsonArray { Count: >= 4 } positions
            && positions.All(IsPosition)
            && positions[0]!.ToJsonString() == positions[^1]!.ToJsonString());

    private static bool IsPosition(JsonNode? position) =>
        position is JsonArray { Count: 2 or 3 } p
        && p.All(n => n?.GetValueKind() == JsonValueKind.Number)
        && Math.Abs(p[0]!.GetValue<double>()) <= 180 && Math.Abs(p[1]!.GetValue<double>()) <= 90;
}
