"""Staff pages to set up schemes, cycles and categories (with criteria) outside Django admin."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render

from awards.forms import CategoryForm, CriterionFormSet, CycleForm, SchemeForm, check_weights
from awards.models import Category
from awards.services import reach, setup
from core.lib.form_pages import posted, status_code
from core.roles import staff_required

staff_only = staff_required("Setting up the awards is for the alliance's staff.")


def _edit(request, form, title, done, formset=None, back=None):
    valid = form.is_bound and form.is_valid() and (formset is None or formset.is_valid())
    if valid and formset is not None:
        try:
            check_weights(formset)
        except forms.ValidationError as error:
            form.add_error(None, error)
            valid = False
    if valid:
        record = setup.save(request.user, form, formset)
        messages.success(request, done)
        return redirect(back(record))
    status = 400 if form.is_bound else 200
    if formset is not None and formset.is_bound and not formset.is_valid():
        status = 400
    context = {"form": form, "formset": formset, "title": title}
    return render(request, "awards/staff/edit.html", context, status=max(status, status_code(form)))


@staff_only
def scheme_form(request, pk=None):
    scheme = get_object_or_404(reach.schemes_run_by(request.user), pk=pk) if pk else None
    form = SchemeForm(posted(request), instance=scheme, user=request.user)
    title = f"Edit {scheme}" if scheme else "New award scheme"
    return _edit(request, form, title, "Scheme saved.", back=lambda r: "awards:staff_index")


@staff_only
def cycle_form(request, pk=None):
    cycle = get_object_or_404(reach.cycles_run_by(request.user), pk=pk) if pk else None
    form = CycleForm(posted(request), instance=cycle, user=request.user)
    title = f"Edit {cycle}" if cycle else "New cycle"
    return _edit(request, form, title, "Cycle saved.", back=lambda r: r.get_staff_url())


@staff_only
def category_form(request, cycle, pk=None):
    found = get_object_or_404(reach.cycles_run_by(request.user), pk=cycle)
    category = get_object_or_404(Category, pk=pk, cycle=found) if pk else Category(cycle=found)
    form = CategoryForm(posted(request), instance=category)
    formset = CriterionFormSet(posted(request), instance=category, prefix="criteria")
    title = f"Edit {category.name}" if pk else f"New category in {found}"
    return _edit(request, form, title, "Category saved.", formset=formset,
                 back=lambda r: r.cycle.get_staff_url())  # fmt: skip
