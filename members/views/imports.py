from django.http import HttpResponse


def export_csv(request):
    return HttpResponse("Not built yet")


def upload(request):
    return HttpResponse("Not built yet")


def job(request, pk):
    return HttpResponse("Not built yet")


def progress(request, pk):
    return HttpResponse("Not built yet")
