module gotmpl/filepath_gen

go 1.27
