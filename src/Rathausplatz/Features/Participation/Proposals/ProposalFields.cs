using Rathausplatz.Data;
using Rathausplatz.Features.Audiences.Districts;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Participation.Proposals;

/// <summary>The checks a proposal's own fields get, when it is made and when its author changes it.</summary>
public static class ProposalFields
{
    public sealed record Checked(string Title, string Body, Guid? DistrictId);

    /// <summary>Adds every problem of the fields to <paramref name="problems"/>; the cleaned values when there was none.</summary>
    public static async Task<Checked> CheckAsync(AppDb db, string? title, string? body, string? district, double? latitude, double? longitude,
        List<ProposalProblem> problems, CancellationToken ct)
    {
        var cleanTitle = (title ?? "").Trim();
        if (cleanTitle.Length < Proposal.MinTitle)
            problems.Add(ProposalProblem.TitleTooShort);
        else if (cleanTitle.Length > Proposal.MaxTitle)
            problems.Add(ProposalProblem.TitleTooLong);
        var cleanBody = (body ?? "").Trim();
        if (cleanBody.Length == 0)
            problems.Add(ProposalProblem.BodyMissing);
        else if (cleanBody.Length > Proposal.MaxBody)
            problems.Add(ProposalProblem.BodyTooLong);
        Guid? districtId = null;
        if (!string.IsNullOrWhiteSpace(district))
        {
            districtId = await db.Set<District>().Where(d => d.Slug == district).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(ct);
            if (districtId is null)
                problems.Add(ProposalProblem.UnknownDistrict);
        }
        if (latitude.HasValue != longitude.HasValue)
            problems.Add(ProposalProblem.CoordinatesIncomplete);
        else if (latitude is { } lat && longitude is { } lon && !DistrictLocator.InRange(lat, lon))
            problems.Add(ProposalProblem.CoordinatesOutOfRange);
        return new(cleanTitle, cleanBody, districtId);
    }
}
