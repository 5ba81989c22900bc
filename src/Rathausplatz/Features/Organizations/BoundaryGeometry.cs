using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Rathausplatz.Features.Organizations;

/// <summary>A stored boundary (checked on the way in by <see cref="AddToStructure.Boundary"/>) as a NetTopologySuite geometry.</summary>
public static class BoundaryGeometry
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The Polygon or MultiPolygon, or null for anything else (a row written before the checks, or by hand).</summary>
    public static Geometry? Read(string? geoJson)
    {
        if (string.IsNullOrWhiteSpace(geoJson))
            return null;
        try
        {
            var geometry = JsonSerializer.Deserialize<Geometry>(geoJson, GeoJson);
            return geometry is Polygon or MultiPolygon ? geometry : null;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}
