using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Rathausplatz.Features.Participation.Proposals;

/// <summary>The image slots of the proposal forms (<c>_ImageFields.cshtml</c>): <c>bild1</c> with <c>bild1-alt</c>, and so on.</summary>
public static class ImageFormFields
{
    /// <summary>The filled slots of the posted form, with their numbers; the caller disposes the streams.</summary>
    public static List<ProposalImageUpload> Read(HttpRequest request)
    {
        var uploads = new List<ProposalImageUpload>();
        for (var n = 1; n <= ProposalImage.MaxPerProposal; n++)
        {
            var file = request.Form.Files.GetFile($"bild{n}");
            var alt = request.Form[$"bild{n}-alt"].ToString();
            if (file is { Length: > 0 })
                uploads.Add(new(file.OpenReadStream(), alt, n));
        }
        return uploads;
    }

    /// <summary>Puts each refusal at its slot's field.</summary>
    public static void AddErrors(ModelStateDictionary state, IEnumerable<ImageRefusal> refusals, IStringLocalizer<SharedResource> text)
    {
        foreach (var refusal in refusals)
        {
            var key = refusal.Problem is ProposalImageProblem.AltTextMissing or ProposalImageProblem.AltTextTooLong
                ? $"bild{refusal.Number}-alt" : $"bild{Math.Max(1, refusal.Number)}";
            state.AddModelError(key, ProposalImageUploads.Message(refusal, text));
        }
    }

    public static async Task DisposeAsync(IEnumerable<ProposalImageUpload> uploads)
    {
        foreach (var upload in uploads)
            await upload.Content.DisposeAsync();
    }
}
