program main
  implicit none
  character(len=256) :: name
  integer :: ios
  read (*, '(A)', iostat=ios) name
  if (ios /= 0 .or. len_trim(name) == 0) name = 'world'
  print '(A)', 'Hello, '//trim(adjustl(name))//'!'
end program main
