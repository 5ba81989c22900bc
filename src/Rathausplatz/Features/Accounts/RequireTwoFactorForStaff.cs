using Microsoft.AspNetCore.Mvc.Filters;

namespace Rathausplatz.Features.Accounts;

/// <summary>
/// Staff roles must use two factors: until they have set it up, every page but the set-up itself,
/// sign-out, errors and the legal pages sends them to the set-up.
/// </summary>
public sealed class RequireTwoFactorForStaff : IAsyncPageFilter
{
    private static readonly string[] Allowed = ["/Accounts/Manage/TwoFactor", "/Accounts/Manage/RecoveryCodes", "/Accounts/SignIn/SignOut", "/Errors/Index", "/Organizations/Legal"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true && user.MustUseTwoFactor() && !user.HasTwoFactor()
            && !Allowed.Contains(context.ActionDescriptor.ViewEnginePath))
        {
            context.Result = new RedirectToPageResult("/Accounts/Manage/TwoFactor", new { required = true });
            return;
        }
        await next();
    }
}
