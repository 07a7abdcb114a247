module gotmpl/re2_gen

go 1.27
