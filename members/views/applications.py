from django.http import HttpResponse


def apply(request):
    return HttpResponse("Not built yet")


def apply_thanks(request):
    return HttpResponse("Not built yet")


def application_list(request):
    return HttpResponse("Not built yet")


def application_detail(request, pk):
    return HttpResponse("Not built yet")
